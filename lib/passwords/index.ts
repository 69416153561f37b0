import { badRequest } from "../errors";
import { verifySecret } from "./hash";
import { passwordProblem } from "./policy";

export { hashSecret, verifySecret, verifyAgainstDummy } from "./hash";
export { newPasswordSchema } from "./schema";

/** Throws 400 naming the field when a new password breaks the policy beyond its schema. */
export function assertAcceptablePassword(password: string, email: string | null, field = "newPassword") {
  const problem = passwordProblem(password, email);
  if (problem) throw badRequest(`${field} ${problem}`, field);
}

/** docs/api.md §8: a new password equal to the current one changes nothing and is refused, 400 naming the field. */
export const currentPasswordRefused = (field = "newPassword") => badRequest(`${field} must not be your current password`, field);

/** Throws `currentPasswordRefused` when `password` is the one `currentHash` was made from (one hash check). */
export async function assertNotCurrentPassword(currentHash: string | null, password: string, field = "newPassword") {
  if (currentHash && (await verifySecret(currentHash, password))) throw currentPasswordRefused(field);
}
