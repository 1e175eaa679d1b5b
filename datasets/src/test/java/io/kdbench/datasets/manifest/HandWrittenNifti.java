package io.kdbench.datasets.manifest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A NIfTI-1 file built byte by byte from the standard's field offsets (not through NiftiFile's writer):
 * int16 voxels, width 4 x height 3 x depth 2, value = 100 * z + 10 * y + x, pixdim (x, y, z) = (0.5, 0.75, 2),
 * vox_offset 352, and an sform saying i runs to Left and j to Posterior (LPS), so a RAS reader must flip x and y.
 */
final class HandWrittenNifti {
    static final int W = 4, H = 3, D = 2;

    private HandWrittenNifti() {
    }

    static byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(352 + 2 * W * H * D).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 348);                 // sizeof_hdr
        b.putShort(40, (short) 3);        // dim[0]: 3 dimensions
        b.putShort(42, (short) W);        // dim[1] = x
        b.putShort(44, (short) H);        // dim[2] = y
        b.putShort(46, (short) D);        // dim[3] = z
        b.putShort(48, (short) 1);        // dim[4..7] = 1
        b.putShort(50, (short) 1);
        b.putShort(52, (short) 1);
        b.putShort(54, (short) 1);
        b.putShort(70, (short) 4);        // datatype: DT_INT16
        b.putShort(72, (short) 16);       // bitpix
        b.putFloat(76, 1f);               // pixdim[0] = qfac
        b.putFloat(80, 0.5f);             // pixdim[1]: x spacing
        b.putFloat(84, 0.75f);            // pixdim[2]: y spacing
        b.putFloat(88, 2f);               // pixdim[3]: z spacing
        b.putFloat(108, 352f);            // vox_offset
        b.put(123, (byte) 2);             // xyzt_units: mm
        b.putShort(254, (short) 1);       // sform_code: scanner
        b.putFloat(280, -0.5f);           // srow_x: i -> -x (Left)
        b.putFloat(300, -0.75f);          // srow_y: j -> -y (Posterior)
        b.putFloat(320, 2f);              // srow_z: k -> +z (Superior)
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1'); // magic "n+1\0"
        for (int z = 0; z < D; z++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    b.putShort(352 + 2 * ((z * H + y) * W + x), (short) value(z, y, x));
                }
            }
        }
        return b.array();
    }

    static int value(int z, int y, int x) {
        return 100 * z + 10 * y + x;
    }

    static Path write(Path file) throws IOException {
        byte[] raw = bytes();
        if (file.getFileName().toString().endsWith(".gz")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            raw = out.toByteArray();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, raw);
        return file;
    }
}
