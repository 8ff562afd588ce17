package dunning

// GuideStep is one of the 4 C's of a phone reminder (contact, understand, convince,
// conclude) with its prompts: i18n keys of sentences to say or things to check.
type GuideStep struct {
	Key     string   // i18n key of the step's title
	Aim     string   // i18n key of what the step is for
	Prompts []string // i18n keys of the prompts
}

// Guide returns the 4C call guide shown on the call sheet, on screen and in PDF. The
// prompts follow the course's method: cushion formulas to open and acknowledge,
// open questions and rephrasing to understand, facts and law to convince, a precise
// commitment to conclude, and DESC (describe, express, specify, consequences) for a
// difficult or aggressive debtor. Prompts take the parameters {company}, {invoice},
// {amount}, {due} and {signatory}.
func Guide() []GuideStep {
	return []GuideStep{
		{Key: "dunning.guide.contact", Aim: "dunning.guide.contact.aim", Prompts: []string{
			"dunning.guide.contact.1", "dunning.guide.contact.2", "dunning.guide.contact.3"}},
		{Key: "dunning.guide.understand", Aim: "dunning.guide.understand.aim", Prompts: []string{
			"dunning.guide.understand.1", "dunning.guide.understand.2", "dunning.guide.understand.3", "dunning.guide.understand.4"}},
		{Key: "dunning.guide.convince", Aim: "dunning.guide.convince.aim", Prompts: []string{
			"dunning.guide.convince.1", "dunning.guide.convince.2", "dunning.guide.convince.3"}},
		{Key: "dunning.guide.conclude", Aim: "dunning.guide.conclude.aim", Prompts: []string{
			"dunning.guide.conclude.1", "dunning.guide.conclude.2", "dunning.guide.conclude.3"}},
		{Key: "dunning.guide.desc", Aim: "dunning.guide.desc.aim", Prompts: []string{
			"dunning.guide.desc.d", "dunning.guide.desc.e", "dunning.guide.desc.s", "dunning.guide.desc.c"}},
	}
}
