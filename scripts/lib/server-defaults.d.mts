export declare const isPostgresUrl: (url: string) => boolean;
export declare function describeInterface(host: string, port: number): string;
export declare function applyServerDefaults(env: NodeJS.ProcessEnv): { port: number; host: string; embedded: boolean };
