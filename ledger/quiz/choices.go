package quiz

// choiceItems are the multiple-choice questions: their words and choices are in the
// catalogue (quiz.q.<id>, quiz.q.<id>.c1…), the right choice and its source here.
func choiceItems() []item {
	c := func(id, module string, n, right int, rule string) item {
		return item{id: id, module: module, kind: Choice, choices: n, right: right, rule: rule}
	}
	return []item{
		c("diagnose-1", "diagnose", 4, 3, "quiz.why.external"),
		c("diagnose-2", "diagnose", 4, 2, "quiz.why.degradation"),
		c("procedure-1", "procedure", 4, 1, "quiz.why.segments"),
		c("procedure-2", "procedure", 4, 2, "quiz.why.block"),
		c("tools-1", "tools", 4, 2, "quiz.why.aged"),
		c("tools-2", "tools", 4, 4, "quiz.why.statement"),
		// C. com. L441-10 I: 60 days from the invoice, or 45 days end of month.
		c("legal-5", "legal", 4, 3, "C. com. L441-10 I"),
		// C. com. L441-10 II: the penalty is due without a reminder being needed.
		c("legal-6", "legal", 3, 1, "C. com. L441-10 II"),
		c("phone-1", "phone", 4, 1, "quiz.why.4c"),
		c("phone-2", "phone", 4, 1, "quiz.why.open"),
		c("phone-3", "phone", 4, 3, "quiz.why.desc"),
		c("phone-4", "phone", 4, 4, "quiz.why.cushion"),
		c("negotiate-1", "negotiate", 4, 2, "quiz.why.counterpart"),
		// C. civ. 2240: the debtor's acknowledgement of the debt interrupts limitation.
		c("negotiate-2", "negotiate", 4, 1, "C. civ. 2240"),
		c("negotiate-3", "negotiate", 4, 4, "quiz.why.objective"),
		c("writing-1", "writing", 4, 2, "quiz.why.specific"),
		// C. civ. 1344: the formal notice makes the debtor late (a letter suffices).
		c("writing-2", "writing", 4, 3, "C. civ. 1344"),
		// C. civ. 2367 and C. com. L624-16: retention of title, agreed in writing at
		// the latest on delivery.
		c("prevent-4", "prevent", 4, 2, "C. civ. 2367, C. com. L624-16"),
		// CPC 1405: the injonction de payer asks for a claim that is contractual and
		// of a fixed amount, with its evidence.
		c("procedures-1", "procedures", 4, 1, "CPC 1405"),
		// C. consom. L712-4 [to verify: article of the deposit with the commission].
		c("procedures-2", "procedures", 4, 3, "C. consom. L712-4"),
		c("injonction-1", "injonction", 4, 4, "CPC 1405"),
		// CPC 700: the costs not included in the dépens.
		c("injonction-2", "injonction", 4, 2, "CPC 700"),
		// CPC 1416: one month from service to oppose.
		c("injonction-3", "injonction", 4, 1, "CPC 1416"),
		// C. com. L622-24: the claim goes to the mandataire judiciaire.
		c("insolvency-4", "insolvency", 4, 3, "C. com. L622-24"),
	}
}
