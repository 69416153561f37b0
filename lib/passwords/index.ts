import { badRequest } from "../errors";
import { passwordProblem } from "./policy";

export { hashSecret, verifySecret, verifyAgainstDummy } from "./hash";
export { passwordProblem } from "./policy";
export { newPasswordSchema, PASSWORD_PATTERN, passwordRules } from "./schema";

/** Throws 400 naming the field when a new password breaks the policy beyond its schema. */
export function assertAcceptablePassword(password: string, email: string | null, field = "newPassword") {
  const problem = passwordProblem(password, email);
  if (problem) throw badRequest(`${field} ${problem}`);
}
