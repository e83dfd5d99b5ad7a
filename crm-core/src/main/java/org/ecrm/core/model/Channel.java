package org.ecrm.core.model;

/** A channel through which a company and a customer meet. */
public enum Channel {
  /** The web site. */
  WEB,

  /** E-mail. */
  EMAIL,

  /** Telephone (voice). */
  PHONE,

  /** Live chat or messaging. */
  CHAT,

  /** Social networks. */
  SOCIAL,

  /** A physical store. */
  STORE,

  /** A mobile application. */
  MOBILE_APP,

  /** Text messages. */
  SMS,

  /** Postal mail. */
  POST
}
