package pl.koordes.directory.internal;

import java.time.LocalDate;
import java.util.List;

/** A regional committee for social-economy development (RKRES) in one term, with its current members. */
public record Committee(long id, String name, LocalDate termStart, LocalDate termEnd, List<CommitteeMember> members) {}
