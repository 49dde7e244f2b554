import { useEffect, type RefObject } from "react";
import { useNavigate } from "react-router";

/**
 * In-app navigation for the plain `<a href>` links inside `container`, as a <Link> would do it.
 * For long tables: a <Link> runs several hooks on every render, on the server too, and a list page
 * renders fifty of them; one listener for all of them costs nothing while rendering. A click with a
 * modifier key, another button, a target or another origin is left to the browser, as <Link> does.
 */
export function usePlainLinks(container: RefObject<HTMLElement | null>) {
  const navigate = useNavigate();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || !element.contains(link)) return;
      if (link.target || link.hasAttribute("download") || link.origin !== window.location.origin) return;
      event.preventDefault();
      void navigate(link.pathname + link.search + link.hash);
    };
    element.addEventListener("click", onClick);
    return () => element.removeEventListener("click", onClick);
  }, [container, navigate]);
}
