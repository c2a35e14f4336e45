// Package quantity is entitygraph's reading of amounts: a relation's
// quantities (an amount, a unit, the text that gives them), checked when a
// graph loads, compared in queries, and read from questions ("$480
// million", "25 percent", "a five-year partnership").
//
// It reads nothing of the rest of the server but the generated messages.
package quantity

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// amountPattern is the grammar of Quantity.amount: a decimal number.
var amountPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// unitPattern is the grammar of Quantity.unit: a currency code in
// capitals, or a lowercase unit word.
var unitPattern = regexp.MustCompile(`^([A-Z]{3}|[a-z]+)$`)

// Check reports what is wrong with a quantity, or nil.
func Check(q *pb.Quantity) error {
	switch {
	case !amountPattern.MatchString(q.GetAmount()):
		return fmt.Errorf("amount %q is not a decimal number such as 520000000 or 1.2", q.GetAmount())
	case !unitPattern.MatchString(q.GetUnit()):
		return fmt.Errorf("unit %q is neither a currency code (USD) nor a lowercase unit word (percent, mile)", q.GetUnit())
	case strings.TrimSpace(q.GetText()) == "":
		return errors.New("no text; give the quantity as the document writes it")
	}
	return nil
}

// Amount returns a quantity's amount as a number; 0 when it does not
// parse (see [Check]).
func Amount(q *pb.Quantity) float64 {
	f, _ := strconv.ParseFloat(q.GetAmount(), 64)
	return f
}

// Value is an amount in a unit, as a query or a question gives it.
type Value struct {
	Amount float64
	Unit   string
}

// Equal reports whether a quantity has value v: the same unit, and an
// amount within a millionth of it.
func (v Value) Equal(q *pb.Quantity) bool {
	a := Amount(q)
	return q.GetUnit() == v.Unit && a >= v.Amount*(1-1e-6) && a <= v.Amount*(1+1e-6)
}

// String writes the value as ParseValue reads it: "300000000 USD".
func (v Value) String() string {
	return strconv.FormatFloat(v.Amount, 'f', -1, 64) + " " + v.Unit
}

// Text writes the value as news text does: a currency by its symbol or
// code ("$950 million", "£2.5 billion", "38 million KRW"), another unit
// by its word after the amount ("25 percent", "190 miles").
func (v Value) Text() string {
	amount, scale := v.Amount, ""
	for _, s := range []struct {
		word  string
		value float64
	}{{"trillion", 1e12}, {"billion", 1e9}, {"million", 1e6}} {
		if math.Abs(amount) >= s.value {
			amount, scale = amount/s.value, " "+s.word
			break
		}
	}
	n := strconv.FormatFloat(amount, 'f', -1, 64)
	for sym, code := range map[string]string{"$": "USD", "£": "GBP", "€": "EUR"} {
		if v.Unit == code {
			return sym + n + scale
		}
	}
	unit := v.Unit
	if v.Amount != 1 && unit != "percent" && !IsCurrency(unit) {
		unit += "s"
	}
	return n + scale + " " + unit
}

// ParseValue reads an amount and a unit, as queries compare quantities
// with: "300000000 USD", "1.2 gigawatt", "25 percent". The unit may be
// any word that [UnitOf] knows.
func ParseValue(s string) (Value, error) {
	fields := strings.Fields(s)
	if len(fields) != 2 || !amountPattern.MatchString(fields[0]) {
		return Value{}, fmt.Errorf("%q is not an amount and a unit, such as \"300000000 USD\" or \"1.2 gigawatt\"", s)
	}
	unit, ok := UnitOf(fields[1])
	if !ok {
		unit = fields[1]
		if !unitPattern.MatchString(unit) {
			return Value{}, fmt.Errorf("%q is not a unit: give a currency code (USD) or a unit word (percent, mile)", fields[1])
		}
	}
	a, _ := strconv.ParseFloat(fields[0], 64)
	return Value{Amount: a, Unit: unit}, nil
}

// unitWords are the words and symbols questions name units with, each
// with the unit it names.
var unitWords = map[string]string{
	"$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD",
	"£": "GBP", "pound": "GBP", "pounds": "GBP", "gbp": "GBP",
	"€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
	"%": "percent", "percent": "percent", "pct": "percent",
	"gw": "gigawatt", "gigawatt": "gigawatt", "gigawatts": "gigawatt",
	"mw": "megawatt", "megawatt": "megawatt", "megawatts": "megawatt",
	"mile": "mile", "miles": "mile", "km": "kilometer", "kilometer": "kilometer", "kilometers": "kilometer",
	"kilometre": "kilometer", "kilometres": "kilometer", "meter": "meter", "meters": "meter", "metre": "meter", "metres": "meter",
	"year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
	"day": "day", "days": "day",
}

// UnitOf returns the unit a word or symbol names: "$" and "dollars" USD,
// "gigawatts" gigawatt.
func UnitOf(word string) (string, bool) {
	u, ok := unitWords[strings.ToLower(word)]
	return u, ok
}

// IsCurrency reports whether a unit is a currency code.
func IsCurrency(unit string) bool { return len(unit) == 3 && strings.ToUpper(unit) == unit }

// scales are the words that multiply an amount.
var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// numberWords are the amounts written as words.
var numberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100}

// Number returns the amount a word says, lowercase: in figures ("12",
// "1,200", "2.1") or as a number word ("two").
func Number(w string) (float64, bool) {
	if amount, ok := numberWords[w]; ok {
		return amount, true
	}
	clean := strings.ReplaceAll(w, ",", "")
	if !amountPattern.MatchString(clean) {
		return 0, false
	}
	amount, err := strconv.ParseFloat(clean, 64)
	return amount, err == nil
}

// Read reads a quantity at the start of words, lowercase and as the
// question tokenizer splits them ("$480", "million"; "2.1", "gigawatt";
// "five", "year"): an amount, written in figures or as a word, with a
// currency symbol before it or a unit after it, and a scale word
// between. It returns the value and how many words it took.
func Read(words []string) (Value, int, bool) {
	if len(words) == 0 {
		return Value{}, 0, false
	}
	w := words[0]
	unit := ""
	for _, sym := range []string{"$", "£", "€"} {
		if rest, ok := strings.CutPrefix(w, sym); ok && rest != "" {
			unit, w = unitWords[sym], rest
		}
	}
	amount, ok := Number(w)
	if !ok {
		return Value{}, 0, false
	}
	n := 1
	if n < len(words) {
		if s, ok := scales[words[n]]; ok {
			amount = math.Round(amount * s) // "4.1 billion" is a whole amount
			n++
		}
	}
	if unit == "" {
		if n >= len(words) {
			return Value{}, 0, false
		}
		u, ok := UnitOf(words[n])
		if !ok {
			return Value{}, 0, false
		}
		unit = u
		n++
	}
	return Value{Amount: amount, Unit: unit}, n, true
}
