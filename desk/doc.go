// Package desk holds the use cases of the collection desk, between the fronts (the
// window in ui/, the command line in cli/) and the domain (ledger/, letters/): a
// Session is an open dossier with what every use case reads, and each use case is one
// method that both fronts call, so that the same question at the same as-of date gets
// the same answer everywhere.
//
//   - figures at a date: Customers, Aged, Dashboard (figures.go);
//   - risk: RiskInput, Risk, Classes, RecomputeRisk (risk.go);
//   - the agenda and its letters: Agenda, LetterSources, AgendaJobs, Issue (agenda.go,
//     letters.go);
//   - disputes and delivery blocks: OpenDispute, ChangeDispute, ProposeBlocks,
//     ProposeBlock, ChangeBlock, Digest, SaveSalesperson (disputes.go);
//   - the reminder records: RecordOutcome, Reschedule, RecordPromiseStatuses, AgreePlan,
//     SaveScenario, ResetScenario (dunning.go);
//   - insolvency procedures: ProcedureDeadlines, RecordProcedure, ActiveProcedure
//     (procedures.go);
//   - the law: Decompte, Deadlines (law.go).
//
// The fronts parse, present and call; slow work is run by them off the UI goroutine,
// and nothing here renders inside a write transaction.
package desk
