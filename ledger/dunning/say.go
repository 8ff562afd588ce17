package dunning

import (
	"strconv"

	"relance/assets/i18n"
	"relance/ledger"
)

// Say renders the reason in lang, in the user's words: dates as DD/MM/YYYY in French
// (YYYY-MM-DD in English), amounts in currency, scenario step codes as stage names
// (« 1re relance »), channels as "by letter", offsets as "5 days before". The CLI
// (`relance agenda`) and the window both show reasons through it.
func (r Reason) Say(lang, currency string) string {
	args := make([]string, len(r.Args))
	copy(args, r.Args)
	for i := 0; i+1 < len(args); i += 2 {
		v := args[i+1]
		switch args[i] {
		case "date", "due":
			if d, err := ledger.ParseDate(v); err == nil {
				args[i+1] = DateText(lang, d)
			}
		case "amount", "min", "credits", "balance":
			if c, err := ledger.ParseCents(v); err == nil {
				args[i+1] = c.Format(lang, currency)
			}
		case "step":
			args[i+1] = StageName(lang, v)
		case "channel":
			args[i+1] = ChannelBy(lang, Channel(v))
		case "offset":
			if n, err := strconv.Atoi(v); err == nil {
				args[i+1] = OffsetText(lang, n)
			}
		}
	}
	return i18n.T(lang, r.Key, args...)
}

// DateText formats d for people: DD/MM/YYYY in French, YYYY-MM-DD in English.
func DateText(lang string, d ledger.Date) string {
	if i18n.Norm(lang) == "fr" {
		return d.French()
	}
	return d.String()
}

// StageName is the name of a scenario step or agenda stage code in lang (« 1re
// relance » for r1); a code of the user's own scenario without a name stays as typed.
func StageName(lang, code string) string {
	key := "dunning.stage." + code
	if s := i18n.T(lang, key); s != key {
		return s
	}
	return code
}

// ChannelBy says how an action is carried out: "par courrier", "by e-mail".
func ChannelBy(lang string, c Channel) string {
	key := "dunning.by." + string(c)
	if s := i18n.T(lang, key); s != key {
		return s
	}
	return string(c)
}

// OffsetText says a step's offset from the due date: "5 jours avant", "21 jours
// après", "le jour de" (n < 0 before, n > 0 after).
func OffsetText(lang string, n int) string {
	switch {
	case n == 0:
		return i18n.T(lang, "dunning.offset.on")
	case n < 0:
		return i18n.T(lang, i18n.N(lang, "dunning.offset.before", -n), "n", strconv.Itoa(-n))
	}
	return i18n.T(lang, i18n.N(lang, "dunning.offset.after", n), "n", strconv.Itoa(n))
}
