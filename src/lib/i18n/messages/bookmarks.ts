export const bookmarks = {
	'zh-Hans': {
		'bookmarks.title': '收藏'
	},
	en: {
		'bookmarks.title': 'Bookmarks'
	}
} as const;
