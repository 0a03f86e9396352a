package pl.koordes.directory.web.admin;

import pl.koordes.directory.Macroregion;

/** A macroregion in the administration overview: its position in lists and how many regions it groups. */
public record MacroregionRow(Macroregion macroregion, int sortOrder, int regionCount) {

    public String href() {
        return "/admin/katalog/makroregiony/" + macroregion.id();
    }
}
