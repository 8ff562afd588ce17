package cli

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

	"relance/ledger"
)

// writeCustomersJSON writes relance customers --format json: the bytes
// json.Encoder with SetIndent("", "  ") writes for the document runCustomers describes,
// without reflection and without the whole document in memory twice (issue 26: the
// customer list of a 10,000-customer dossier). customersJSON_test.go compares the two.
func writeCustomersJSON(w io.Writer, asOf ledger.Date, currency string, rows []ledger.CustomerSummary, t ledger.SummaryTotals) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	b := make([]byte, 0, 1024)
	b = append(b, "{\n  \"as_of\": "...)
	b = appendJSONString(b, asOf.String())
	b = append(b, ",\n  \"currency\": "...)
	b = appendJSONString(b, currency)
	b = append(b, ",\n  \"customers\": ["...)
	for i := range rows {
		r := &rows[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    {\n      \"id\": "...)
		b = appendJSONString(b, r.ID)
		b = append(b, ",\n      \"name\": "...)
		b = appendJSONString(b, r.Name)
		b = append(b, ",\n      \"kind\": "...)
		b = appendJSONString(b, r.Kind.String())
		if r.Salesperson != "" {
			b = append(b, ",\n      \"salesperson\": "...)
			b = appendJSONString(b, r.Salesperson)
		}
		b = append(b, ",\n      \"balance\": \""...)
		b = r.Balance.AppendDecimal(b, '.')
		b = append(b, "\",\n      \"overdue\": \""...)
		b = r.Overdue.AppendDecimal(b, '.')
		b = append(b, '"')
		if r.OldestDue != ledger.NoDate {
			b = append(b, ",\n      \"oldest_due\": "...)
			b = appendJSONString(b, r.OldestDue.String())
		}
		b = append(b, ",\n      \"days_late\": "...)
		b = strconv.AppendInt(b, int64(r.DaysLate), 10)
		b = append(b, ",\n      \"open_items\": "...)
		b = strconv.AppendInt(b, int64(r.OpenItems), 10)
		if r.Doubtful {
			b = append(b, ",\n      \"doubtful\": true"...)
		}
		if r.CreditOver {
			b = append(b, ",\n      \"over_credit_limit\": true"...)
		}
		b = append(b, "\n    }"...)
		if len(b) > 32<<10 {
			if _, err := bw.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	if len(rows) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "],\n  \"totals\": {\n    \"customers\": "...)
	b = strconv.AppendInt(b, int64(t.Customers), 10)
	b = append(b, ",\n    \"receivables\": \""...)
	b = t.Balance.AppendDecimal(b, '.')
	b = append(b, "\",\n    \"overdue\": \""...)
	b = t.Overdue.AppendDecimal(b, '.')
	b = append(b, "\",\n    \"doubtful\": \""...)
	b = t.Doubtful.AppendDecimal(b, '.')
	b = append(b, "\",\n    \"doubtful_customers\": "...)
	b = strconv.AppendInt(b, int64(t.DoubtfulCustomers), 10)
	b = append(b, "\n  }\n}\n"...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	return bw.Flush()
}

// appendJSONString appends s as encoding/json writes a string (HTML characters
// escaped): a string of plain characters as it is, any other through encoding/json
// itself, so that the escaping stays exactly its own.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == 0x7f {
				return appendJSONMarshal(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			return appendJSONMarshal(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendJSONMarshal(b []byte, s string) []byte {
	q, err := json.Marshal(s)
	if err != nil { // a string always marshals
		return strconv.AppendQuote(b, s)
	}
	return append(b, q...)
}
