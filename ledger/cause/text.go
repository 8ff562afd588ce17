package cause

import "relance/assets/i18n"

// Label is the cause's name in lang (« Difficulté de trésorerie »).
func (c Cause) Label(lang string) string { return i18n.T(lang, "cause.c."+string(c)) }

// SideLabel names the side of a cause in lang: « interne » or « externe ».
func SideLabel(lang string, internal bool) string {
	if internal {
		return i18n.T(lang, "cause.side.internal")
	}
	return i18n.T(lang, "cause.side.external")
}

// Text is a late invoice's cause in lang, saying when it was derived from a dispute or
// a procedure and « non renseignée » when none is known.
func (l *Late) Text(lang string) string {
	switch {
	case l.Cause == "":
		return i18n.T(lang, "cause.unstated")
	case l.How == Derived:
		return i18n.T(lang, "cause.derived", "cause", l.Cause.Label(lang))
	}
	return l.Cause.Label(lang)
}
