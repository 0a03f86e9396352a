/**
 * The one way to make a PDF: {@link pl.koordes.shared.pdf.AccessiblePdf} renders an HTML document (a jte
 * template) as a tagged PDF (PDF/UA-1 and PDF/A-3u) with DejaVu Sans embedded, its title and language taken
 * from the document (docs/patterns.md, "PDF documents").
 */
@NullMarked
package pl.koordes.shared.pdf;

import org.jspecify.annotations.NullMarked;
