"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";
import "./api-reference.css";

/**
 * Swagger UI renders the operations in a <main> of its own, which is the page's main landmark
 * (the page has none besides). What it renders before that main, the API's description and the
 * servers with "Authorize", is in no landmark: each becomes a named region.
 */
const regions = [
  { selector: ".information-container", name: "information" },
  { selector: ".scheme-container", name: "scheme" },
] as const;

/** The names this page gives to Swagger UI's markup, in the page's language. */
type Names = ReturnType<typeof useTranslations<"ApiReference">>;

function nameRegions(root: HTMLElement, t: Names) {
  for (const { selector, name } of regions) {
    for (const element of root.querySelectorAll(`${selector}:not([role])`)) {
      element.setAttribute("role", "region");
      element.setAttribute("aria-label", t(`regions.${name}`));
    }
  }
}

/** Swagger UI leaves some of its selects without an accessible name: give each one. */
function nameSelects(root: HTMLElement, t: Names) {
  for (const select of root.querySelectorAll("select")) {
    if (select.getAttribute("aria-label")) continue;
    let name = t("selects.any");
    if (select.id === "servers") name = t("selects.server");
    else if (select.classList.contains("examples-select-element")) name = t("selects.example");
    else if (select.closest(".content-type-wrapper, .response-control-media-type")) name = t("selects.mediaType");
    else {
      const parameter = select.closest("tr[data-param-name]")?.getAttribute("data-param-name");
      if (parameter) name = t("selects.parameter", { name: parameter });
    }
    select.setAttribute("aria-label", name);
  }
}

/**
 * The interactive reference: Swagger UI from the swagger-ui-dist package, bundled by Next and
 * served from this server (no CDN, no web fonts, no telemetry, the online validator off), rendering
 * the OpenAPI document at `url`. "Try it out" sends requests to this same server.
 */
export function ApiReference({ url }: { url: string }) {
  const t = useTranslations("ApiReference");
  // the observer below lives as long as the reference; it reads the names of the latest language
  const names = useRef(t);
  useEffect(() => {
    names.current = t;
  }, [t]);
  const target = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let cancelled = false;
    const root = target.current;
    // the third-party markup, repaired as it renders
    const labeller = new MutationObserver(() => {
      if (!root) return;
      nameSelects(root, names.current);
      nameRegions(root, names.current);
    });
    if (root) labeller.observe(root, { childList: true, subtree: true });
    import("swagger-ui-dist/swagger-ui-bundle.js")
      .then((module) => {
        if (cancelled || !target.current) return;
        const SwaggerUIBundle = module.default;
        SwaggerUIBundle({
          domNode: target.current,
          url,
          // deep links render a link inside each operation's toggle button (nested controls)
          deepLinking: false,
          validatorUrl: null,
          docExpansion: "list",
          defaultModelsExpandDepth: 0,
          displayOperationId: false,
          displayRequestDuration: true,
          persistAuthorization: false,
          tryItOutEnabled: false,
          withCredentials: false,
          syntaxHighlight: { activated: true, theme: "idea" },
          onComplete: () => !cancelled && setState("ready"),
        });
      })
      .catch(() => !cancelled && setState("failed"));
    return () => {
      cancelled = true;
      labeller.disconnect();
    };
  }, [url]);

  return (
    // no landmark here: Swagger UI's own <main> is the page's (it holds the operations)
    <div aria-busy={state === "loading"} className="api-reference">
      {state === "loading" && <p className="px-4 py-6 text-slate-700">{t("loading")}</p>}
      {state === "failed" && (
        <main>
          <p role="alert" className="px-4 py-6 text-red-800">
            {t.rich("failed", { url, link: (chunks) => <a href={url}>{chunks}</a> })}
          </p>
        </main>
      )}
      {/* Swagger UI's own words are English on a page in any language: said so, for screen readers and translators */}
      <div ref={target} data-testid="api-reference" lang="en" />
    </div>
  );
}
