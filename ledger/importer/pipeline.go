package importer

import "relance/ledger"

// made is a customer's items made from the plan (Plan.itemsOf), and for each whether
// its due date came from the file.
type made struct {
	items []ledger.Item
	due   []bool
}

// madeAhead is how many customers' items the maker may have made before they are
// written: enough to keep both sides busy, a few megabytes at most.
const madeAhead = 32

// makeItems makes the items of the plan's customers, in order, on another goroutine
// while the caller writes them (making a FEC's items from its scan is about half the
// time of writing them). It stops when done is closed. It only reads the plan.
func (p *Plan) makeItems(done <-chan struct{}) <-chan made {
	out := make(chan made, madeAhead)
	go func() {
		defer close(out)
		for _, pc := range p.customers {
			items, due := p.itemsOf(pc)
			select {
			case out <- made{items, due}:
			case <-done:
				return
			}
		}
	}()
	return out
}
