"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useDescribeFailure, type ApiFailure, type FailureTexts } from "@/components/api-client";
import { MessageSlot } from "@/components/account/message-slot";
import { isCancelled, useSecureCall } from "@/components/account/use-secure-call";
import { LocalTime } from "@/components/activity/local-time";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useSingleFlight } from "@/components/use-single-flight";
import { RecoveryCodesPanel } from "@/components/wizards/recovery-codes-panel";
import type { paths } from "@/lib/api-client/schema";
import { PASSKEY_NAME_MAX } from "@/lib/passkeys/schemas";
import { createPasskey, defaultPasskeyName, passkeysSupported, usePasskeyProblem } from "./webauthn";

type PasskeyItem = paths["/user/2fa/passkeys"]["get"]["responses"][200]["content"]["application/json"][number];

/**
 * The account's passkeys (docs/api.md §9): add one (the browser's prompt, named after this browser
 * and system until renamed), rename, remove (confirm it's you). The first passkey of an account
 * without two-step verification turns it on and comes with recovery codes, behind the same save
 * gate as the other methods.
 */
export function PasskeyManager({ hasTwoFactor }: { hasTwoFactor: boolean }) {
  const t = useTranslations("PasskeyManager");
  const devices = useTranslations("Devices");
  const describeProblem = usePasskeyProblem();
  const router = useRouter();
  const describeFailure = useDescribeFailure();
  const describe = useCallback(
    (error: ApiFailure) => {
      const texts: FailureTexts = {
        PASSKEY_ALREADY_REGISTERED: t("failures.alreadyRegistered"),
        PASSKEY_CHALLENGE_EXPIRED: t("failures.challengeExpired"),
        PASSKEY_INVALID: t("failures.invalid"),
        PASSKEY_NOT_FOUND: t("failures.notFound"),
      };
      return describeFailure(error, texts);
    },
    [describeFailure, t],
  );
  const call = useSecureCall(hasTwoFactor, t("addReason"));
  const removeCall = useSecureCall(hasTwoFactor, t("removeReason"));
  const [passkeys, setPasskeys] = useState<PasskeyItem[] | null>(null);
  const [supported, setSupported] = useState<boolean | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const result = await call((api) => api.GET("/user/2fa/passkeys"));
    if (result.ok) setPasskeys(result.data);
    else setFailure(describe(result.error));
  }, [call, describe]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- what the browser can do is known only here
    setSupported(passkeysSupported());
    void load();
  }, [load]);

  const add = useSingleFlight(async () => {
    setFailure(null);
    setNotice(null);
    setAdding(true);
    try {
      const options = await call((api) => api.POST("/user/2fa/passkey/register/options", { body: {} }), "sudo-if-2fa");
      if (!options.ok) return void (isCancelled(options) || setFailure(describe(options.error)));
      const created = await createPasskey(options.data);
      if (!created.ok) return setFailure(describeProblem(created.problem));
      const registered = await call((api) =>
        api.POST("/user/2fa/passkey/register", { body: { credential: created.credential, name: defaultPasskeyName(devices) } }),
      );
      if (!registered.ok) return setFailure(describe(registered.error));
      if (registered.data.recoveryCodes) setCodes(registered.data.recoveryCodes);
      setNotice(t("added", { name: registered.data.passkey.name }));
      await load();
      router.refresh();
    } finally {
      setAdding(false);
    }
  });

  if (codes) return <RecoveryCodesPanel codes={codes} status={t("firstPasskeyOn")} />;

  return (
    <div className="flex flex-col gap-5">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {passkeys ? t("count", { count: passkeys.length }) : t("heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("explanation")}</p>
      {supported === false ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="passkeys-unsupported">
          {t("unsupported")}
        </p>
      ) : (
        <Button type="button" className="self-start" pending={adding} disabled={supported === null} onClick={() => void add()}>
          {adding ? t("waiting") : t("add")}
        </Button>
      )}
      <MessageSlot message={failure ?? notice} tone={failure ? "error" : "success"} />
      {!passkeys ? (
        <p className="text-sm text-slate-600" aria-busy="true">
          {t("loading")}
        </p>
      ) : (
        passkeys.length > 0 && (
          <ul aria-label={t("listLabel")} className="divide-y divide-slate-200" data-testid="passkey-list">
            {passkeys.map((passkey) => (
              <PasskeyRow
                key={passkey.id}
                passkey={passkey}
                rename={async (name) => {
                  const result = await call((api) =>
                    api.PUT("/user/2fa/passkeys/{id}", { params: { path: { id: passkey.id } }, body: { name } }),
                  );
                  if (!result.ok) return describe(result.error);
                  setNotice(t("renamed", { name }));
                  await load();
                  return null;
                }}
                remove={async () => {
                  const result = await removeCall(
                    (api) => api.DELETE("/user/2fa/passkeys/{id}", { params: { path: { id: passkey.id } } }),
                    "sudo",
                  );
                  if (isCancelled(result)) return null;
                  if (!result.ok) return describe(result.error);
                  setNotice(t("removed", { name: passkey.name }));
                  await load();
                  heading.current?.focus();
                  router.refresh();
                  return null;
                }}
              />
            ))}
          </ul>
        )
      )}
    </div>
  );
}

function PasskeyRow({
  passkey,
  rename,
  remove,
}: {
  passkey: PasskeyItem;
  rename: (name: string) => Promise<string | null>;
  remove: () => Promise<string | null>;
}) {
  const t = useTranslations("PasskeyManager.row");
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(passkey.name);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { lastUsedAt } = passkey;

  const save = useSingleFlight(async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError(t("blankName"));
    setPending(true);
    const failure = await rename(trimmed);
    setPending(false);
    if (failure) return setError(failure);
    setError(undefined);
    setEditing(false);
  });

  const confirmRemove = useSingleFlight(async () => {
    setPending(true);
    const failure = await remove();
    setPending(false);
    if (failure) setError(failure);
    setConfirming(false);
  });

  return (
    <li className="flex flex-col gap-3 py-3" data-testid="passkey">
      {editing ? (
        <form
          noValidate
          className="flex flex-col gap-2 sm:flex-row sm:items-start"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="flex-1">
            <TextField
              label={t("nameLabel")}
              value={name}
              maxLength={PASSKEY_NAME_MAX}
              onChange={(e) => setName(e.target.value)}
              error={error}
              autoFocus
            />
          </div>
          <div className="flex gap-2 sm:mt-6">
            <Button type="submit" pending={pending}>
              {t("save")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <p className="text-sm font-medium break-words text-slate-900" data-testid="passkey-name">
              {passkey.name}
            </p>
            <p className="text-xs text-slate-600">
              {t.rich("added", { time: () => <LocalTime date={passkey.createdAt} /> })} ·{" "}
              {lastUsedAt ? t.rich("lastUsed", { time: () => <LocalTime date={lastUsedAt} /> }) : t("notUsedYet")}
            </p>
            {error && !editing && (
              <p role="alert" className="text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
          <div className="flex shrink-0 gap-2">
            <Button
              type="button"
              variant="secondary"
              aria-label={t("renameLabel", { name: passkey.name })}
              onClick={() => setEditing(true)}
            >
              {t("rename")}
            </Button>
            <Button
              type="button"
              variant="secondary"
              aria-label={t("removeLabel", { name: passkey.name })}
              onClick={() => setConfirming(true)}
            >
              {t("remove")}
            </Button>
          </div>
        </div>
      )}
      {confirming && (
        <div
          className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950"
          role="group"
          aria-label={t("confirmLabel")}
        >
          <p>{t("confirm", { name: passkey.name })}</p>
          <div className="flex gap-2">
            <Button type="button" variant="danger" pending={pending} onClick={() => void confirmRemove()}>
              {pending ? t("removing") : t("confirmRemove")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
