/// <reference lib="dom" />
/**
 * The script the dev server injects into every HTML page it serves (never into built files).
 * It listens to the server's events: a new build reloads the page; check errors show as an overlay.
 * Written as a function so TypeScript checks it; served as `(${devClient})()`.
 */
export interface DevEvent {
  version: number
  errors: string[]
  warnings: number
}

export function devClient(): void {
  const script = document.currentScript
  let current = Number(script?.getAttribute('data-version') ?? '0')
  const events = new EventSource('/__notice-dev/events')
  events.addEventListener('build', (message) => {
    const data = JSON.parse((message as MessageEvent<string>).data) as DevEvent
    if (data.version !== current) {
      current = data.version
      void refresh().then(() => showOverlay(data))
      return
    }
    showOverlay(data)
  })

  /**
   * Swaps in the new page's <body> (faster than a reload: the stylesheet and fonts stay, and so does
   * the scroll position). Scripts in the new body do not run; a failed fetch falls back to a reload.
   */
  async function refresh(): Promise<void> {
    try {
      const response = await fetch(window.location.href, { cache: 'no-store' })
      if (!response.ok) throw new Error(String(response.status))
      const next = new DOMParser().parseFromString(await response.text(), 'text/html')
      const scroll = window.scrollY
      // Form state the reader set (the 大/中/小 switch) survives the swap.
      const checked = Array.from(document.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked'))
        .map((input) => input.id)
        .filter(Boolean)
      document.title = next.title
      document.body.replaceWith(document.adoptNode(next.body))
      for (const id of checked) {
        const input = document.getElementById(id)
        if (input instanceof HTMLInputElement) input.checked = true
      }
      window.scrollTo(0, scroll)
    } catch {
      window.location.reload()
    }
  }

  function showOverlay(data: DevEvent): void {
    document.getElementById('notice-dev-overlay')?.remove()
    if (data.errors.length === 0) return
    const overlay = document.createElement('section')
    overlay.id = 'notice-dev-overlay'
    overlay.setAttribute('role', 'alert')
    overlay.setAttribute(
      'style',
      'position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:2147483647;background:#fff4f4;color:#5c0000;border-top:4px solid #b71c1c;padding:12px 16px;font:14px/1.6 monospace;box-shadow:0 -2px 8px rgba(0,0,0,.2)'
    )
    const title = document.createElement('strong')
    title.textContent = `检查发现 ${data.errors.length} 个错误${data.warnings ? `、${data.warnings} 个警告` : ''}（notice build 不会发布）：`
    const close = document.createElement('button')
    close.type = 'button'
    close.textContent = '关闭'
    close.setAttribute('style', 'float:right')
    close.addEventListener('click', () => overlay.remove())
    const list = document.createElement('ul')
    list.setAttribute('style', 'margin:8px 0 0;padding-left:20px')
    for (const error of data.errors) {
      const item = document.createElement('li')
      item.textContent = error
      list.append(item)
    }
    overlay.append(close, title, list)
    document.body.append(overlay)
  }
}
