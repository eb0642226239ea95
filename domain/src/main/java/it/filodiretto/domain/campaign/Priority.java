package it.filodiretto.domain.campaign;

/** Emergency alerts overtake normal traffic, ignore quiet hours and skip prior review. */
public enum Priority { NORMAL, EMERGENCY }
