/**
 * Lines a web page or reading app added around the text: breadcrumbs (`- 新聞中心`) and app
 * promotions (`上QQ阅读APP看书,第一时间看更新`). They are dropped from the corpus and listed in the
 * document's `dropped` spans, so a reviewer can see exactly what went.
 */

/** A breadcrumb: a dash and a short label, before the text begins. */
const BREADCRUMB = /^\s*[-–—•·>]\s*\S.{0,14}$/u;

/** Reading-app and site promotions. */
const PROMOTIONS = [/阅读APP看书/iu, /第一时间看更新/u, /閱讀APP看書/iu, /扫码下载/u, /掃碼下載/u];

/**
 * Whether a line is page furniture rather than text. `beforeText` is true while no paragraph of
 * the document has been seen yet: breadcrumbs only count there.
 */
export function isBoilerplateLine(line: string, beforeText: boolean): boolean {
	const trimmed = line.trim();
	if (trimmed.length === 0) return false;
	if (PROMOTIONS.some((p) => p.test(trimmed)) && trimmed.length <= 40) return true;
	return beforeText && BREADCRUMB.test(trimmed);
}
