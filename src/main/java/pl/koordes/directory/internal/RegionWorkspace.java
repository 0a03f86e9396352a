package pl.koordes.directory.internal;

import java.util.List;
import java.util.Optional;
import pl.koordes.directory.Region;

/**
 * What a region's coordinator works on: the region's public profile text, its ROPS with the public
 * contact, and the committee now in office with its members, current and past, and their contacts.
 *
 * @param committee the committee whose term has begun most recently, without members (they are below)
 */
public record RegionWorkspace(
        Region region,
        RegionDescription description,
        Optional<Institution> rops,
        Optional<Committee> committee,
        List<MemberWithContact> currentMembers,
        List<MemberWithContact> pastMembers) {}
