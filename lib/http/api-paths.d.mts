export declare const API_PREFIX: string;
export declare const NATIVE_SEGMENTS: readonly string[];
export declare const WELL_KNOWN: string;
export declare const UNPREFIXED_SEGMENTS: readonly string[];
export declare const servedWithoutPrefix: (path: string) => boolean;
export declare const isApiPath: (pathname: string) => boolean;
