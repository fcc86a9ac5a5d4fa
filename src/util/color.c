/* Colours: the legacy indexed palette, ARGB parsing and OOXML tints. */
#include <ctype.h>
#include <math.h>

#include "util/util.h"

static const uint32_t palette[66] = {
    0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF,
    0x00FFFF, 0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00,
    0xFF00FF, 0x00FFFF, 0x800000, 0x008000, 0x000080, 0x808000, 0x800080,
    0x008080, 0xC0C0C0, 0x808080, 0x9999FF, 0x993366, 0xFFFFCC, 0xCCFFFF,
    0x660066, 0xFF8080, 0x0066CC, 0xCCCCFF, 0x000080, 0xFF00FF, 0xFFFF00,
    0x00FFFF, 0x800080, 0x800000, 0x008080, 0x0000FF, 0x00CCFF, 0xCCFFFF,
    0xCCFFCC, 0xFFFF99, 0x99CCFF, 0xFF99CC, 0xCC99FF, 0xFFCC99, 0x3366FF,
    0x33CCCC, 0x99CC00, 0xFFCC00, 0xFF9900, 0xFF6600, 0x666699, 0x969696,
    0x003366, 0x339966, 0x003300, 0x333300, 0x993300, 0x993366, 0x333399,
    0x333333,
    0x000000, /* 64: system foreground */
    0xFFFFFF  /* 65: system background */
};

uint32_t rg_indexed_color(uint32_t index)
{
    return index < 66 ? palette[index] : RAG_NO_COLOR;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool rg_parse_rgb(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    size_t n = 0;

    for (; s[n]; n++) {
        int h = hexval((unsigned char)s[n]);
        if (h < 0 || n >= 8)
            return false;
        v = (v << 4) | (uint32_t)h;
    }
    if (n != 6 && n != 8)
        return false;
    *out = v & 0xFFFFFF; /* alpha is ignored, as Excel does */
    return true;
}

/* RGB <-> HLS on 0..1, as Python's colorsys does. */
static void rgb_to_hls(double r, double g, double b, double *h, double *l,
                       double *s)
{
    double maxc = fmax(r, fmax(g, b)), minc = fmin(r, fmin(g, b));
    double rc, gc, bc;

    *l = (minc + maxc) / 2.0;
    if (minc == maxc) {
        *h = 0;
        *s = 0;
        return;
    }
    if (*l <= 0.5)
        *s = (maxc - minc) / (maxc + minc);
    else
        *s = (maxc - minc) / (2.0 - maxc - minc);
    rc = (maxc - r) / (maxc - minc);
    gc = (maxc - g) / (maxc - minc);
    bc = (maxc - b) / (maxc - minc);
    if (r == maxc)
        *h = bc - gc;
    else if (g == maxc)
        *h = 2.0 + rc - bc;
    else
        *h = 4.0 + gc - rc;
    *h = fmod(*h / 6.0, 1.0);
    if (*h < 0)
        *h += 1.0;
}

void rg_rgb_hls(uint32_t rgb, double *h, double *l, double *s)
{
    rgb_to_hls(((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
               (rgb & 0xFF) / 255.0, h, l, s);
}

static double hls_v(double m1, double m2, double hue)
{
    hue = fmod(hue, 1.0);
    if (hue < 0)
        hue += 1.0;
    if (hue < 1.0 / 6.0)
        return m1 + (m2 - m1) * hue * 6.0;
    if (hue < 0.5)
        return m2;
    if (hue < 2.0 / 3.0)
        return m1 + (m2 - m1) * (2.0 / 3.0 - hue) * 6.0;
    return m1;
}

static void hls_to_rgb(double h, double l, double s, double *r, double *g,
                       double *b)
{
    double m1, m2;

    if (s == 0) {
        *r = *g = *b = l;
        return;
    }
    m2 = l <= 0.5 ? l * (1.0 + s) : l + s - l * s;
    m1 = 2.0 * l - m2;
    *r = hls_v(m1, m2, h + 1.0 / 3.0);
    *g = hls_v(m1, m2, h);
    *b = hls_v(m1, m2, h - 1.0 / 3.0);
}

static uint32_t channel(double v)
{
    long c = lround(v * 255.0);
    return (uint32_t)(c < 0 ? 0 : c > 255 ? 255 : c);
}

uint32_t rg_apply_tint(uint32_t rgb, double tint)
{
    double h, l, s, r, g, b;

    if (rgb == RAG_NO_COLOR || tint == 0)
        return rgb;
    rgb_to_hls(((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
               (rgb & 0xFF) / 255.0, &h, &l, &s);
    if (tint < 0)
        l = l * (1.0 + tint);
    else
        l = l * (1.0 - tint) + tint;
    hls_to_rgb(h, l, s, &r, &g, &b);
    return channel(r) << 16 | channel(g) << 8 | channel(b);
}
