// The reusable "confirm it's you" step-up (docs/api.md §2: sudo tokens). Wrap a signed-in area once:
//
//   <StepUpProvider> … <SudoStatus /> … </StepUpProvider>
//
// and in any client component below it:
//
//   const { withSudo } = useStepUp();
//   const result = await withSudo(
//     (sudoToken) => callApi((api) => api.DELETE("/user/2fa/totp"), sudoToken),
//     { reason: "Turn off your authenticator app" },
//   );
//   if (result === null) return;          // the person closed the dialog
//   if (!result.ok) show(result.error);   // the action's own answer
//
// The dialog learns the person's active methods (GET /user/2fa) and proves one — authenticator
// code, emailed code (it sends the challenge), or a recovery code — with the portal's access token
// (/api/portal/token), getting a sudo token (5 minutes). The token lives in React state (never in
// storage), and the browser session holds it in an HttpOnly cookie so a reload keeps it
// (./held-sudo.ts); the sign-in's second factor leaves one there too. It is reused until shortly
// before it expires, shown with a countdown by <SudoStatus />, forgotten by its "Forget" button,
// and asked for again when it runs out or the server refuses it (401 INVALID_TOKEN).
// A person without an active second factor is told to set one up first.
export { StepUpProvider, useStepUp } from "./step-up-provider";
export { SudoStatus } from "./sudo-status";
export { Modal } from "./modal";
