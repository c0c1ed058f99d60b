// Pages are prerendered in Chinese; a reader of another language would see every line re-laid
// out when the app switches language after hydration. Such a page stays unpainted until then.
(function () {
	var stored = null;
	try {
		stored = localStorage.getItem('nianjian.locale');
	} catch (e) {}
	var locale = stored === 'zh-Hans' || stored === 'en' ? stored : null;
	if (!locale) {
		var langs = navigator.languages || [];
		locale = langs.length === 0 ? 'zh-Hans' : 'en';
		for (var i = 0; i < langs.length; i++) {
			var l = String(langs[i]).toLowerCase();
			if (l.indexOf('zh') === 0) { locale = 'zh-Hans'; break; }
			if (l.indexOf('en') === 0) { locale = 'en'; break; }
		}
	}
	if (locale !== document.documentElement.lang) document.documentElement.dataset.localePending = '';
})();
