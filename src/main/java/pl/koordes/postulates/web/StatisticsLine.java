package pl.koordes.postulates.web;

import pl.koordes.postulates.internal.PublicStatistics.Figures;

/** An addressee's figures with its full name and its abbreviation, for the statistics page and files. */
public record StatisticsLine(String name, String label, Figures figures) {}
