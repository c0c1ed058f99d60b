export const common = {
	'zh-Hans': {
		'app.name': '年鉴',
		'app.tagline': '中国电子政务年鉴阅读器',
		'nav.label': '主导航',
		'nav.search': '搜索',
		'nav.bookmarks': '收藏',
		'nav.indicators': '指标',
		'language.label': '界面语言',
		'skip.toMain': '跳到正文',
		'update.available': '有新版本可用。',
		'update.reload': '更新并重新载入',
		'update.later': '稍后',
		'offline.ready': '已可离线使用。',
		'footer.note': '全部在浏览器中运行：没有服务器，数据只保存在本机。',
		'common.close': '关闭',
		'common.retry': '重试'
	},
	en: {
		'app.name': 'Nianjian',
		'app.tagline': 'A reader for the China E-Government Yearbook',
		'nav.label': 'Main navigation',
		'nav.search': 'Search',
		'nav.bookmarks': 'Bookmarks',
		'nav.indicators': 'Indicators',
		'language.label': 'Interface language',
		'skip.toMain': 'Skip to content',
		'update.available': 'A new version is available.',
		'update.reload': 'Update and reload',
		'update.later': 'Later',
		'offline.ready': 'Ready to work offline.',
		'footer.note': 'Runs entirely in your browser: no server, your data stays on this device.',
		'common.close': 'Close',
		'common.retry': 'Retry'
	}
} as const;
