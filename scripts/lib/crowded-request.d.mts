import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorCodeWithStatus } from "../../lib/errors/catalogue";
/** The codes are the catalogue's (lib/errors/catalogue.ts checks the module's answers against it). */
export type Refusal = { status: 414; code: ErrorCodeWithStatus<414> } | { status: 431; code: ErrorCodeWithStatus<431> };
export declare const MAX_QUERY_PARAMETERS: number;
export declare const MAX_COOKIES: number;
export declare function queryParameterCount(target: string): number;
export declare function cookieCount(header: string | undefined): number;
export declare function crowdedRequestRefusal(request: Pick<IncomingMessage, "url" | "headers">): Refusal | null;
export declare function refuse(response: ServerResponse, refusal: Refusal): void;
