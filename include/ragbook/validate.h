/*
 * ragbook validate: the rule catalogue applied to a model.
 * (Filled in by the validation work: see the open issue.)
 */
#ifndef RAGBOOK_VALIDATE_H
#define RAGBOOK_VALIDATE_H

#include "ragbook/model.h"

#endif
