// Types of scripts/generate.mjs, for the tests that import it (test/generated-files.test.ts).
export interface ModuleConfig {
  readonly modules: readonly string[];
  readonly rootFiles: readonly string[];
  /** Modules with a subpath export that stay out of the root barrel (default none). */
  readonly subpathOnly?: readonly string[];
}
export interface Listing {
  readonly dirs: readonly string[];
  readonly files: Readonly<Record<string, readonly string[]>>;
  readonly rootFiles: readonly string[];
}
export interface Generated {
  readonly files: Record<string, string>;
  readonly packageFields: Record<string, unknown>;
  readonly problems: string[];
}
export interface Stale {
  readonly path: string;
  readonly detail: string[];
}
export declare const HEADER: string;
export declare const PACKAGE_FIELDS: readonly string[];
export declare function isPublicFile(name: string): boolean;
export declare function byName(a: string, b: string): number;
export declare function readConfig(root: string): ModuleConfig;
export declare function readListing(root: string, config: ModuleConfig): Listing;
export declare function generate(config: ModuleConfig, listing: Listing): Generated;
export declare function check(root: string): { stale: Stale[]; problems: string[] };
export declare function write(root: string): { written: string[]; problems: string[] };
