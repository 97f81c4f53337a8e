/**
 * A CQL 1.2 parser (recursive descent, framework-free): prefix maps, index/relation/term
 * search clauses with relation modifiers, the booleans and/or/not/prox with modifiers,
 * parentheses and sortBy; trees render as XCQL.
 */
package org.ndlp.sru.cql;
