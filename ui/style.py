"""The page's CSS and its one script (mobile-first: a phone of 390 px is the first target).

The script makes the chat's Copy button copy plain text: Gradio copies a message's content, which
here is HTML; each message carries its plain form in a hidden `.copy-text` (ui.render), and a
click on a Copy button is answered with that before Gradio's own handler sees it.
"""

from __future__ import annotations

PHONE = "(max-width: 640px)"

CSS = f"""
#header {{ align-items: flex-start; gap: .4rem 1rem; flex-wrap: nowrap; }}
#title h2 {{ margin: 0 0 .15em; word-break: normal; overflow-wrap: normal; hyphens: manual; }}
#title p {{ margin: 0; }}
#lang-toggle {{ flex: 0 0 auto !important; min-width: 0 !important; width: auto !important; }}
#service-status {{ min-height: 0; }}
.status-ok {{ color: #3c7a50; font-size: .85em; }}
.muted {{ color: var(--body-text-color-subdued); }}
.notice {{ border-left: 4px solid #d9534f; padding: .4em .8em; background: #fdecea; }}
.notice-ok {{ border-left-color: #3c9a5f; background: #eaf6ee; }}
.not-found {{ border-left: 4px solid #e0a100; padding: .2em .8em; background: #fff8e1; }}
sup.cite {{ font-size: .75em; }}
.sources-title {{ margin: .6em 0 .2em; }}
.source-doc {{ margin: .2em 0 .5em; }}
.doc-title {{ font-weight: 600; margin: .1em 0; font-size: .95em; }}
.source summary {{ cursor: pointer; }}
.source-quote {{ margin: .3em 0 .3em; padding: .4em .8em; border-left: 3px solid #c9c9c9;
  font-size: .92em; white-space: normal; overflow-wrap: anywhere; }}
.source-quote mark {{ background: #fff0a8; padding: 0 .1em; }}
.open-doc {{ font-size: .88em; display: inline-block; margin-bottom: .4em; }}
.reply, .question {{ overflow-wrap: anywhere; }}
.copy-text {{ display: none; }}
.cards {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(min(320px, 100%), 1fr));
  gap: .7rem; margin: .3rem 0 .8rem; }}
.card {{ border: 1px solid var(--border-color-primary); border-radius: 10px; padding: .55rem .8rem;
  background: var(--background-fill-primary); min-width: 0; overflow-wrap: anywhere; }}
.card-title {{ margin: .15em 0 .3em; font-size: 1rem; line-height: 1.3; }}
.card p {{ margin: .2em 0; }}
.when {{ color: var(--body-text-color-subdued); font-size: .9em; }}
.field .label, .reason .label, .alternatives .label {{ font-weight: 600; }}
.alternatives {{ border-top: 1px dashed var(--border-color-primary); margin-top: .5em; padding-top: .3em; }}
.alternative {{ margin: .3em 0 .3em .6em; }}
.agenda-scope {{ font-weight: 600; margin: .3em 0; }}
.day {{ margin: .8em 0 .2em; }}
.day::first-letter {{ text-transform: uppercase; }}
.undated .note {{ border-left: 4px solid #e0a100; padding: .2em .6em; background: #fff8e1; }}
.count, .no-results {{ margin: .3em 0; }}
#chat button.copied {{ outline: 2px solid #3c9a5f; }}
@media {PHONE} {{
  #header {{ flex-direction: column; }}
  #title h2 {{ font-size: 1.15rem; }}
  #title p {{ font-size: .8rem; }}
  #tabs [role="tab"], #tabs .tab-container button {{ padding-left: .55em; padding-right: .55em; }}
  .gradio-container {{ padding-left: 6px !important; padding-right: 6px !important; }}
}}
"""

COPY_JS = """<script>
document.addEventListener('click', async (event) => {
  const button = event.target.closest ? event.target.closest('#chat button') : null;
  if (!button || !/copy/i.test(button.getAttribute('aria-label') || '')) return;
  const bar = button.closest('.message-buttons-right, .message-buttons-left, .message-buttons');
  let row = bar ? bar.previousElementSibling : null;
  while (row && !row.querySelector('.copy-text')) row = row.previousElementSibling;
  const sources = row ? row.querySelectorAll('.copy-text') : [];
  if (!sources.length) return;
  event.stopImmediatePropagation();
  event.preventDefault();
  const text = sources[sources.length - 1].textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch (err) {
    const area = document.createElement('textarea');
    area.value = text; document.body.appendChild(area); area.select();
    document.execCommand('copy'); area.remove();
  }
  button.classList.add('copied');
  setTimeout(() => button.classList.remove('copied'), 1200);
}, true);
</script>"""
