-- The query mix of bench/search: single words in several forms, phrases, a word without Polish letters, a
-- misspelling (the vocabulary lookup), a facet and a later page. Each request takes the next query in turn.
local queries = {
    "sp%C3%B3%C5%82dzielnia",
    "sp%C3%B3%C5%82dzielniach+socjalnych",
    "%22ekonomii+spo%C5%82ecznej%22",
    "spoldzielnia",
    "spu%C5%82dzielnia",
    "fundacja+seniorzy",
    "zatrudnienie+os%C3%B3b+z+niepe%C5%82nosprawno%C5%9Bciami",
    "klauzule+spo%C5%82eczne&rok=2020",
    "centrum+integracji&rodzaj=event",
    "warsztaty&strona=3",
    "inkubator+przedsi%C4%99biorczo%C5%9Bci",
    "dotacje",
}
local i = 0
request = function()
    i = i % #queries + 1
    return wrk.format("GET", "/szukaj?q=" .. queries[i])
end
