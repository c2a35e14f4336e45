package client

import (
	"fmt"
	"iter"
)

// pages yields the items of every page that fetch returns, from the first
// (an empty token) until a page comes back without a next_page_token. what
// names the call in errors. An error ends the sequence: it is yielded with
// the zero item. A server that hands out a page token twice would loop
// forever, so that too is an error.
func pages[T any](what string, fetch func(token string) (items []T, next string, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		token := ""
		seen := map[string]bool{}
		for {
			items, next, err := fetch(token)
			if err != nil {
				yield(zero, fmt.Errorf("%s: %w", what, err))
				return
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			if next == "" {
				return
			}
			if seen[next] {
				yield(zero, fmt.Errorf("%s: server repeated page token %q", what, next))
				return
			}
			seen[next] = true
			token = next
		}
	}
}

// collect gathers a sequence from [pages] into a slice, stopping at the
// first error.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var all []T
	for item, err := range seq {
		if err != nil {
			return nil, err
		}
		all = append(all, item)
	}
	return all, nil
}
