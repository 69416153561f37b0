import { unknownApiPath } from "@/lib/http/unknown-path";

export const { GET, POST, PUT, DELETE, PATCH } = unknownApiPath;
