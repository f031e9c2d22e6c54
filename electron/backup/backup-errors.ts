import { StoreError } from '../store/store-error.js';

/** A backup whose bytes fail authentication, hash or structure. Nothing was replaced. */
export function tamperedBackup(): StoreError {
  return new StoreError(
    'tampered',
    'Deze back-up is beschadigd of buiten de app gewijzigd en wordt niet teruggezet. Je huidige gegevens zijn niet aangeraakt.',
  );
}

/** A well-formed backup made with another store's key (another account or an earlier set-up of this device). */
export function foreignBackup(): StoreError {
  return new StoreError(
    'forbidden',
    'Deze back-up hoort niet bij dit account op dit apparaat en kan hier niet worden teruggezet. Je huidige gegevens zijn niet aangeraakt.',
  );
}
