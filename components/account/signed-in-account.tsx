"use client";

import { createContext, useContext, type ReactNode } from "react";

/** Who is signed in to the portal, and on which site: what a page needs to say whose something is (the recovery codes). */
export interface SignedInAccount {
  email: string;
  site: { name: string; url: string };
}

const SignedInAccountContext = createContext<SignedInAccount | null>(null);

/** Set once by the portal's layout, from the session and the site's configuration. */
export function SignedInAccountProvider({ account, children }: { account: SignedInAccount; children: ReactNode }) {
  return <SignedInAccountContext value={account}>{children}</SignedInAccountContext>;
}

export function useSignedInAccount(): SignedInAccount {
  const account = useContext(SignedInAccountContext);
  if (!account) throw new Error("useSignedInAccount outside the portal's layout (SignedInAccountProvider)");
  return account;
}
