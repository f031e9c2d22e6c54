export declare const marker: string;
export declare function sqlite3mcPaths(): { moduleDir: string; amalgamation: string; stamp: string; binary: string };
export declare function binaryHasFasterCipher(binary: string): boolean;
export declare function accelerationApplies(platform?: NodeJS.Platform, arch?: string): boolean;
export declare function patchedAmalgamation(source: string): string;
export declare function sourceDigest(source: string): string;
export declare function stockAmalgamation(source: string): string;
