/*
 * ragbook write: workbooks written through libxlsxwriter.
 * (Filled in by the lossless-copy work: see the open issue.)
 */
#ifndef RAGBOOK_WRITE_H
#define RAGBOOK_WRITE_H

#include "ragbook/grid.h"

#endif
