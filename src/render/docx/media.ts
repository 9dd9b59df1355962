/**
 * The document's pictures: one media file per distinct image, and each
 * picture as an inline drawing sized in points, its relationship id that of
 * its media file in the part it is drawn in.
 */
import type { ImageSet } from '../../document/ast.js';
import { DocxRenderError } from './errors.js';
import { imageHeader } from '../../core/image-header.js';
import { pixels } from './units.js';
import { esc } from './xml.js';

export interface MediaFile {
  /** word/media/<name> */
  readonly name: string;
  readonly data: Uint8Array;
  /** The relationship id every part uses for it. */
  readonly id: string;
}

export class Media {
  readonly files: MediaFile[] = [];
  private readonly byKey = new Map<string, MediaFile>();
  private drawings = 0;
  /** The media files of the part being written (its relationships). */
  part = new Set<MediaFile>();

  constructor(private readonly images: ImageSet) {}

  /**
   * A run holding image `key` `widthPt` wide (its own width when not given, at
   * most `maxWidthPt`), its height in proportion and at most `maxHeightPt`.
   */
  run(key: string, alt: string, o: { widthPt?: number; maxWidthPt: number; maxHeightPt?: number }): { xml: string; width: number; height: number } {
    const data = this.images[key];
    if (!data) throw new DocxRenderError(`image "${key}" is not among the document's images`);
    const info = imageHeader(data);
    if (typeof info === 'string') throw new DocxRenderError(`image "${key}" cannot be printed: ${info}`);
    let width = Math.min(o.widthPt ?? (info.width * 72) / 96, o.maxWidthPt);
    let height = (width * info.height) / info.width;
    if (o.maxHeightPt !== undefined && height > o.maxHeightPt) {
      width = (width * o.maxHeightPt) / height;
      height = o.maxHeightPt;
    }
    let file = this.byKey.get(key);
    if (!file) {
      const n = this.files.length + 1;
      file = { name: `image${n}.${info.type}`, data, id: `rIdImage${n}` };
      this.files.push(file);
      this.byKey.set(key, file);
    }
    this.part.add(file);
    const id = (this.drawings += 1);
    const cx = Math.max(1, pixels(width)) * 9525;
    const cy = Math.max(1, pixels(height)) * 9525;
    const text = esc(alt);
    const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
    const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
    return {
      width,
      height,
      xml:
        `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
        `<wp:docPr id="${id}" name="Picture ${id}" descr="${text}" title="${text}"/>` +
        `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
        `<a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}"><pic:nvPicPr><pic:cNvPr id="${id}" name="${file.name}" descr="${text}"/>` +
        `<pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
        `<pic:blipFill><a:blip r:embed="${file.id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
        `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
        `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
    };
  }
}
