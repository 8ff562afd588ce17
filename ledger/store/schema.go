// Package store keeps a Relance dossier in one bbolt file: one file per company,
// created 0600, opened by one process at a time, every user action one transaction.
//
// # Schema
//
// schema.go is the dossier's schema: every bucket is declared there once, with the
// schema version whose migration creates it, the code that reads and writes it and its
// layout (buckets). A new dossier and an upgraded one go through the same migrations
// (migrate.go), so both end with exactly these buckets; Open refuses a current-version
// dossier that lacks one.
//
// On-disk layout of schema version 15 (bucket, key → value; IDs are zero-padded so that
// bbolt's byte order is the numbering order):
//
//	meta            "magic"                            → "relance-dossier"
//	                "schema"                           → schema version, 8-byte big-endian
//	                "revision"                         → revision counter, 8-byte big-endian, +1 per Update
//	                "created"                          → creation time, RFC 3339 UTC
//	settings        "settings"                         → JSON ledger.Settings
//	customers       customer ID                        → byte 1, then (uvarint tag, uvarint length, bytes) fields (customer_codec.go)
//	items           customer ID                        → byte 1, uvarint count, then each of the customer's items (codec.go)
//	salespeople     salesperson ID                     → JSON ledger.Salesperson
//	imports         SHA-256 of the imported file (hex) → JSON importer.Record
//	disputes        dispute ID ("L2026-0001")          → JSON dispute.Dispute
//	blocks          block ID ("B2026-0001")            → JSON dispute.Block
//	rates           half-year ("2026-H2")              → JSON law.HalfYearRates
//	risk            "policy"                           → JSON risk.Policy (absent: the default policy)
//	                "ovr/" customer "/" seq            → JSON risk.Override
//	                "ack/" customer "/" seq            → JSON risk.Ack
//	                "asg/" customer "/" seq            → JSON risk.Assignment
//	                "prop/" proposal ("R2026-000001")  → JSON risk.Proposal
//	                "dec/" proposal                    → JSON risk.Decision closing it
//	scenarios       risk class ("A")                   → JSON dunning.Scenario (absent: the default scenario)
//	actions         customer 0x00 "A2026-000001"       → JSON dunning.Action
//	promises        customer 0x00 "P2026-000001"       → JSON dunning.Promise
//	plans           customer 0x00 "E2026-000001"       → JSON dunning.Plan
//	templates       stage "." language ("r1.fr")       → JSON templates.Template (absent: the shipped one)
//	letters         "r" + 8-byte big-endian sequence   → JSON archive.Record (without the PDF)
//	                "p" + 8-byte big-endian sequence   → the letter's PDF bytes
//	procedures      procedure ID ("J2026-0001")        → JSON law.Procedure
//	import_presets  preset name                        → JSON tabular.Mapping
//	payments        customer 0x00 "RG2026-000001"      → JSON payment.Payment, append-only (payments.go)
//	statements      SHA-256 of the bank statement      → JSON store.Statement, one per file imported (statements.go)
//	interruptions   customer 0x00 "IP2026-000001"      → JSON dunning.InterruptionRecord, append-only (interruptions.go)
//	judgments       judgment ID ("JG2026-0001")        → JSON law.Judgment, payments added (judgments.go)
//	open_items      customer ID                        → byte 2, varint last activity date, then the items every partial read needs (openitems.go)
//	closed_items    customer ID                        → byte 3, last invoice, sales and balance by day and closed items by group date, latest first (history.go)
//	contracts       customer ID                        → JSON contract.Contract: terms of sale accepted, clauses, guarantees (contracts.go)
//	proofs          customer 0x00 item ID              → JSON proof.Invoice: order, delivery proof and invoice of one invoice (proofs.go)
//	causes          customer 0x00 item ID              → JSON cause.Record: why one invoice is paid late (causes.go)
//	cheques         cheque ID ("CH2026-0001")          → JSON cheque.Cheque: an unpaid cheque and its procedure (cheques.go)
//	overindebtedness customer ID                       → JSON overindebt.Case: a consumer's over-indebtedness file (overindebt.go)
//	trainees        trainee ID ("T0001")               → JSON classroom.Trainee (classroom.go)
//	attempts        trainee 0x00 "AT2026-000001"       → JSON classroom.Attempt, append-only (classroom.go)
//	exercises       exercise ID ("EX0001")             → JSON exercise of the trainer's bank (owner: letters/bank)
//	negotiations    customer 0x00 "NG2026-0001"        → JSON negotiation sheet (owner: the negotiation package)
//
// In risk, seq is the bucket's sequence as 10 decimal digits. The sequential IDs of
// risk, actions, promises, plans, payments, interruptions and letters come from their
// bucket's bbolt sequence (NextSequence); those of disputes, blocks, procedures and
// judgments count per year.
package store

// BucketName is the name of a bucket of the dossier's bbolt file; bbolt takes it as
// []byte(name).
type BucketName string

// The dossier's buckets. The exported ones are laid out by packages above the store
// (through Tx.Bolt), which must not be imported here: arrows point down.
const (
	bMeta               BucketName = "meta"
	bSettings           BucketName = "settings"
	bCustomers          BucketName = "customers"
	bItems              BucketName = "items"
	bSalespeople        BucketName = "salespeople"
	BucketImports       BucketName = "imports"
	bDisputes           BucketName = "disputes"
	bBlocks             BucketName = "blocks"
	bRates              BucketName = "rates"
	bRisk               BucketName = "risk"
	bScenarios          BucketName = "scenarios"
	bActions            BucketName = "actions"
	bPromises           BucketName = "promises"
	bPlans              BucketName = "plans"
	bTemplates          BucketName = "templates"
	bLetters            BucketName = "letters"
	bProcedures         BucketName = "procedures"
	BucketImportPresets BucketName = "import_presets"
	bPayments           BucketName = "payments"
	bStatements         BucketName = "statements"
	bInterruptions      BucketName = "interruptions"
	bJudgments          BucketName = "judgments"
	bOpenItems          BucketName = "open_items"
	bClosedItems        BucketName = "closed_items"
	bContracts          BucketName = "contracts"
	bProofs             BucketName = "proofs"
	bCauses             BucketName = "causes"
	bCheques            BucketName = "cheques"
	bOverindebtedness   BucketName = "overindebtedness"
	bTrainees           BucketName = "trainees"
	bAttempts           BucketName = "attempts"
	BucketExercises     BucketName = "exercises"
	BucketNegotiations  BucketName = "negotiations"
)

// BucketTemplates and BucketLetters are the templates and letters buckets as bbolt
// takes them, for letters/templates and letters/archive.
var (
	BucketTemplates = []byte(bTemplates)
	BucketLetters   = []byte(bLetters)
)

// Keys of the meta and settings buckets.
const (
	kMagic    = "magic"
	kSchema   = "schema"
	kRevision = "revision"
	kCreated  = "created"
	kSettings = "settings"
)

// bucket declares one bucket of the schema.
type bucket struct {
	name   BucketName
	since  uint64 // the schema version whose migration creates it
	owner  string // the file or package that reads and writes it
	layout string // key → value
}

// buckets returns the buckets of schema SchemaVersion, in the order their migrations
// create them.
func buckets() []bucket {
	return []bucket{
		{bMeta, 1, "store.go", `"magic", "schema", "revision", "created" → dossier identity, version, revision counter, creation time`},
		{bSettings, 1, "tx.go", `"settings" → JSON ledger.Settings`},
		{bCustomers, 1, "tx.go, customer_codec.go", "customer ID → tagged-field ledger.Customer"},
		{bItems, 1, "tx.go, codec.go", "customer ID → binary list of the customer's ledger.Item"},
		{bSalespeople, 1, "tx.go", "salesperson ID → JSON ledger.Salesperson"},
		{BucketImports, 1, "ledger/importer (apply.go)", "SHA-256 of the imported file (hex) → JSON importer.Record"},
		{bDisputes, 2, "disputes.go", `dispute ID ("L2026-0001") → JSON dispute.Dispute`},
		{bBlocks, 2, "disputes.go", `block ID ("B2026-0001") → JSON dispute.Block`},
		{bRates, 3, "rates.go", `half-year ("2026-H2") → JSON law.HalfYearRates`},
		{bRisk, 4, "risk.go", `"policy", "ovr/…", "ack/…", "asg/…", "prop/…", "dec/…" → JSON risk policy and records`},
		{bScenarios, 4, "dunning.go", "risk class → JSON dunning.Scenario"},
		{bActions, 4, "dunning.go", "customer 0x00 action ID → JSON dunning.Action, append-only"},
		{bPromises, 4, "dunning.go", "customer 0x00 promise ID → JSON dunning.Promise"},
		{bPlans, 4, "dunning.go", "customer 0x00 plan ID → JSON dunning.Plan"},
		{bTemplates, 4, "letters/templates", `stage "." language → JSON templates.Template, the edited ones`},
		{bLetters, 4, "letters/archive", `"r"/"p" + 8-byte sequence → JSON archive.Record / PDF bytes, hash-chained`},
		{bProcedures, 5, "insolvency.go", `procedure ID ("J2026-0001") → JSON law.Procedure`},
		{BucketImportPresets, 5, "ledger/importer (presets.go)", "preset name → JSON tabular.Mapping"},
		{bPayments, 6, "payments.go", `customer 0x00 payment ID ("RG2026-000001") → JSON payment.Payment, append-only`},
		{bStatements, 7, "statements.go", "SHA-256 of the bank statement file (hex) → JSON store.Statement, one per import"},
		{bInterruptions, 8, "interruptions.go", `customer 0x00 record ID ("IP2026-000001") → JSON dunning.InterruptionRecord, append-only`},
		{bJudgments, 9, "judgments.go", `judgment ID ("JG2026-0001") → JSON law.Judgment, payments added later`},
		{bOpenItems, 10, "openitems.go, tx.go", "customer ID → last activity date and the items every partial read needs: open, in a group with an open item, settled by FIFO (written with items)"},
		{bClosedItems, 11, "history.go, tx.go", "customer ID → the customer's sales and balance by day, last invoice and closed items by group date, latest first (written with items)"},
		{bContracts, 14, "contracts.go", "customer ID → JSON contract.Contract, the terms of sale a customer accepted, their clauses and the guarantees held"},
		{bProofs, 14, "proofs.go", "customer 0x00 item ID → JSON proof.Invoice, the order, delivery proof and invoice copy of one invoice"},
		{bCauses, 14, "causes.go", "customer 0x00 item ID → JSON cause.Record, why one invoice is paid late"},
		{bCheques, 14, "cheques.go", `cheque ID ("CH2026-0001") → JSON cheque.Cheque, an unpaid cheque and the dated steps of its procedure`},
		{bOverindebtedness, 14, "overindebt.go", "customer ID → JSON overindebt.Case, a consumer's over-indebtedness file before the commission"},
		{bTrainees, 15, "classroom.go", `trainee ID ("T0001") → JSON classroom.Trainee`},
		{bAttempts, 15, "classroom.go", `trainee 0x00 attempt ID ("AT2026-000001") → JSON classroom.Attempt, append-only`},
		{BucketExercises, 15, "the exercise bank (through Tx.Bolt)", `exercise ID ("EX0001") → JSON exercise letter of the trainer's bank`},
		{BucketNegotiations, 15, "the negotiation sheets (through Tx.Bolt)", `customer 0x00 sheet ID → JSON negotiation sheet`},
	}
}
