// "Hide instead of dim": a hidden listing entry leaves a one-line "1 hidden · show" in its place,
// so nothing is lost. The entry is hidden through its own inline display (restored exactly);
// the control inside it keeps its attributes (data-papershelf-key, -new, -dismissed).

export const STUB_TAG = 'papershelf-hidden';

const STYLE =
  ':host{display:block;margin:2px 0}' +
  'button{all:unset;cursor:pointer;font:12px/1.4 system-ui,sans-serif;color:#6b7280;padding:0 4px;border-radius:3px}' +
  'button:hover,button:focus-visible{color:#1f2937;text-decoration:underline;outline:1px solid #9ca3af}';

interface Hidden {
  display: string;
  priority: string;
  stub: HTMLElement;
}

export class Hider {
  private hidden = new Map<HTMLElement, Hidden>();

  /** `onShow`: the user asked to see a hidden entry again (a trusted click on its stub). */
  constructor(
    private readonly doc: Document,
    private readonly onShow: (el: HTMLElement) => void,
  ) {}

  isHidden(el: Element): boolean {
    return this.hidden.has(el as HTMLElement);
  }

  hide(el: Element, label: string): void {
    const h = el as HTMLElement;
    if (!h.style || this.hidden.has(h) || !h.parentNode) return;
    const stub = this.stub(h, label);
    this.hidden.set(h, { display: h.style.getPropertyValue('display'), priority: h.style.getPropertyPriority('display'), stub });
    h.style.setProperty('display', 'none', 'important');
    h.before(stub);
  }

  show(el: Element): void {
    const h = el as HTMLElement;
    const was = this.hidden.get(h);
    if (!was) return;
    this.hidden.delete(h);
    was.stub.remove();
    if (was.display) h.style.setProperty('display', was.display, was.priority);
    else h.style.removeProperty('display');
  }

  showAll(): void {
    for (const h of [...this.hidden.keys()]) this.show(h);
  }

  private stub(el: HTMLElement, label: string): HTMLElement {
    const stub = this.doc.createElement(STUB_TAG);
    const root = stub.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = STYLE;
    const b = this.doc.createElement('button');
    b.type = 'button';
    b.textContent = '1 hidden · show';
    b.setAttribute('aria-label', `1 hidden · show: ${label}`);
    b.title = label;
    b.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      // As for the controls: a page script can't undo the user's choice.
      if (e.isTrusted) this.onShow(el);
    });
    root.append(style, b);
    return stub;
  }
}
