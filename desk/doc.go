// Package desk holds the use cases of the collection desk, between the fronts (the
// window in ui/, the command line in cli/) and the domain (ledger/, letters/): a
// Session is an open dossier with what every use case reads, and each use case is one
// method that both fronts call, so that the same question at the same as-of date gets
// the same answer everywhere.
//
//   - the dossier: Open, OpenRead, OpenWrite, Load, Reload, Close (session.go); Create,
//     SaveSettings, AddHalfYearRates, EraseCustomer, backups, restore and file check
//     (dossier.go); a customer's records (history.go); imports (imports.go);
//   - figures at a date: Customers, Aged, Dashboard (figures.go);
//   - risk: RiskInput, Risk, Classes, RecomputeRisk (risk.go); the policy, overrides,
//     acknowledgements and decisions (riskrecords.go);
//   - the agenda: Agenda (agenda.go);
//   - letters: ComposeLetter, RenderLetter, IssueLetter (letter.go); LetterSources,
//     WriteAgendaLetters, WriteStageLetters, Issue, Archive (letters.go); templates and
//     the archive's verification (templates.go);
//   - documents: Statement, Statements, CallSheet (documents.go); InjonctionPack
//     (injonction.go);
//   - disputes and delivery blocks: OpenDispute, ChangeDispute, ProposeBlocks,
//     ProposeBlock, ChangeBlock, Digest, SaveSalesperson (disputes.go);
//   - the reminder records: RecordOutcome, Reschedule, RecordPromiseStatuses, AgreePlan,
//     SaveScenario, ResetScenario (dunning.go);
//   - payments recorded by hand between two ledger imports: AllocatePayment,
//     RecordPayment, ReversePayment, Payments, and ReloadCustomer after them (payments.go);
//   - insolvency procedures: ProcedureDeadlines, RecordProcedure, ActiveProcedure
//     (procedures.go);
//   - the law: Decompte, Deadlines (law.go).
//
// Every figure at a date is computed from the open amounts at that date
// (credit.OpenAt) and keeps the doubtful customers (account 416) apart. Writes are one
// transaction each; the ones that cannot be undone from the window (an import, a batch
// of letters) write a rotating backup first. The fronts parse, present and call; slow
// work is run by them off the UI goroutine, and nothing here renders inside a write
// transaction.
package desk
