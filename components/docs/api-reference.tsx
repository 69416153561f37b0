"use client";

import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";
import "./api-reference.css";

/** Swagger UI leaves some of its selects without an accessible name: give each one. */
function nameSelects(root: HTMLElement) {
  for (const select of root.querySelectorAll("select")) {
    if (select.getAttribute("aria-label")) continue;
    let name = "Choose a value";
    if (select.id === "servers") name = "Server";
    else if (select.classList.contains("examples-select-element")) name = "Example";
    else if (select.closest(".content-type-wrapper, .response-control-media-type")) name = "Media type";
    else {
      const parameter = select.closest("tr[data-param-name]")?.getAttribute("data-param-name");
      if (parameter) name = `Value of ${parameter}`;
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
  const target = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let cancelled = false;
    const root = target.current;
    const labeller = new MutationObserver(() => root && nameSelects(root));
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
    <section aria-label="Interactive API reference" aria-busy={state === "loading"} className="api-reference">
      {state === "loading" && <p className="px-4 py-6 text-slate-700">Loading the reference…</p>}
      {state === "failed" && (
        <p role="alert" className="px-4 py-6 text-red-800">
          The reference could not be loaded. The OpenAPI document is at <a href={url}>{url}</a>.
        </p>
      )}
      <div ref={target} data-testid="api-reference" />
    </section>
  );
}
