export const indicators = {
	'zh-Hans': {
		'indicators.title': '指标'
	},
	en: {
		'indicators.title': 'Indicators'
	}
} as const;
