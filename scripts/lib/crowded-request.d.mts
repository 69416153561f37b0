import type { IncomingMessage, ServerResponse } from "node:http";
export interface Refusal {
  status: 414 | 431;
  code: "TOO_MANY_QUERY_PARAMETERS" | "TOO_MANY_COOKIES";
}
export declare const MAX_QUERY_PARAMETERS: number;
export declare const MAX_COOKIES: number;
export declare function queryParameterCount(target: string): number;
export declare function cookieCount(header: string | undefined): number;
export declare function crowdedRequestRefusal(request: Pick<IncomingMessage, "url" | "headers">): Refusal | null;
export declare function refuse(response: ServerResponse, refusal: Refusal): void;
