"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Modal } from "@/components/step-up";
import { Button } from "@/components/ui/button";

export interface Confirmation {
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  danger?: boolean;
}

/** "Are you sure?" before an admin action; Cancel has the focus, so Enter never confirms by accident. */
export function ConfirmDialog({
  confirmation,
  onConfirm,
  onCancel,
}: {
  confirmation: Confirmation | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("ConfirmDialog");
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      open={confirmation !== null}
      onClose={onCancel}
      title={confirmation?.title ?? ""}
      description={confirmation?.body}
      initialFocus={cancelRef}
      testId="confirm-dialog"
    >
      <div className="flex justify-end gap-2">
        <button
          ref={cancelRef}
          type="button"
          onClick={onCancel}
          className="inline-flex min-h-10 items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100"
        >
          {t("cancel")}
        </button>
        <Button type="button" variant={confirmation?.danger ? "danger" : "primary"} onClick={onConfirm}>
          {confirmation?.confirmLabel}
        </Button>
      </div>
    </Modal>
  );
}
