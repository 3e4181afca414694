import { toOption } from "../_lib/validate.js";
import { smallBusinessImpactReport2018 } from "./smallBusinessImpactReport2018.js";
import type { ImpactReportFigureId, SmallBusinessImpactReport } from "./types.js";

const FN = "getImpactReportFigure";

/**
 * One headline figure of {@link smallBusinessImpactReport2018} by its key, with the precise
 * value type of that figure.
 *
 * @param id - key of the figure, one of {@link ImpactReportFigureId}
 * @returns the frozen figure (value, qualifier, unit, scope, source wording)
 * @throws {@link ValidationError} when `id` is not a known key (`UNKNOWN_OPTION`)
 * @throws {@link ValidationTypeError} when `id` is not a string
 *
 * @example
 * ```ts
 * import { getImpactReportFigure } from "marketplace-economics";
 * getImpactReportFigure("usBusinessesStartedSelling").value; //=> 300000
 * getImpactReportFigure("jobsCreated").scope.geography; //=> "worldwide"
 * ```
 *
 * @category Data
 * @since 0.1.0
 */
export function getImpactReportFigure<K extends ImpactReportFigureId>(id: K): SmallBusinessImpactReport["figures"][K] {
  const figures = smallBusinessImpactReport2018.figures;
  const key = toOption(id, FN, "id", Object.keys(figures) as ImpactReportFigureId[]) as K;
  return figures[key];
}
