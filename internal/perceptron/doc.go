// Package perceptron is the greedy averaged perceptron behind Lede's
// taggers: hashed features, one weight per label, one scorer shared by
// training and tagging, and the binary form the models ship in.
//
// Training and encoding live here, outside core's public API; core only
// decodes and scores. cmd/train-entities trains the entity tagger with it.
package perceptron
