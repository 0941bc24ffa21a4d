-- Rental-billing schema, the reference workload (mirrors ../shared/fixtures/rental_billing.sql).
-- Used by the demo, the generator, tests and benchmarks.

CREATE TABLE project (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(32)  NOT NULL,
  name          VARCHAR(128) NOT NULL,
  city          VARCHAR(64)  NOT NULL,
  district      VARCHAR(64)  NULL,
  opened_on     DATE         NULL,
  is_active     TINYINT(1)   NOT NULL DEFAULT 1,
  updated_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_project_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE house (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id     BIGINT UNSIGNED NOT NULL,
  building       VARCHAR(16)  NOT NULL,
  room_no        VARCHAR(16)  NOT NULL,
  classification ENUM('office','retail','apartment','warehouse','parking') NOT NULL,
  area_m2        DECIMAL(10,2) NOT NULL,
  floor          SMALLINT     NULL,
  tags           SET('corner','sea_view','renovated','subsidised') NULL,
  updated_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  KEY idx_house_project (project_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE tenant (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(128) NOT NULL,
  kind          ENUM('person','company') NOT NULL,
  phone         VARCHAR(32)  NULL,
  credit_level  TINYINT UNSIGNED NULL,
  profile       JSON         NULL,
  updated_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE lease_contract (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  contract_no    VARCHAR(40)  NOT NULL,
  house_id       BIGINT UNSIGNED NOT NULL,
  tenant_id      BIGINT UNSIGNED NOT NULL,
  start_date     DATE         NOT NULL,
  end_date       DATE         NOT NULL,
  monthly_rent   DECIMAL(14,2) NOT NULL,
  deposit        DECIMAL(14,2) NULL,
  prepaid_months SMALLINT     NOT NULL DEFAULT 0,
  status         VARCHAR(16)  NOT NULL,
  signed_at      DATETIME     NULL,
  updated_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_contract_no (contract_no),
  KEY idx_contract_house (house_id),
  KEY idx_contract_tenant (tenant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE bill_type (
  id              INT UNSIGNED NOT NULL PRIMARY KEY,
  code            VARCHAR(32)  NOT NULL,
  name            VARCHAR(64)  NOT NULL,
  expense_account VARCHAR(32)  NOT NULL,   -- e.g. rent, water, electricity, property_fee, parking
  is_recurring    TINYINT(1)   NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE bill (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  bill_no         VARCHAR(40)  NOT NULL,
  contract_id     BIGINT UNSIGNED NOT NULL,
  house_id        BIGINT UNSIGNED NOT NULL,
  project_id      BIGINT UNSIGNED NOT NULL,
  tenant_id       BIGINT UNSIGNED NOT NULL,
  bill_type_id    INT UNSIGNED NOT NULL,
  account_period  CHAR(7)      NOT NULL,    -- 'YYYY-MM'
  period_start    DATE         NOT NULL,
  period_end      DATE         NOT NULL,
  due_date        DATE         NOT NULL,
  amount_due      DECIMAL(14,2) NOT NULL,
  amount_paid     DECIMAL(14,2) NOT NULL DEFAULT 0,
  late_fee        DECIMAL(12,2) NULL,
  currency        CHAR(3)      NOT NULL DEFAULT 'CNY',
  arrears_status  ENUM('none','overdue','partially_paid','written_off') NOT NULL DEFAULT 'none',
  pay_status      VARCHAR(16)  NOT NULL,    -- unpaid / paid / refunded / cancelled
  paid_at         DATETIME(3)  NULL,
  meter_reading   DOUBLE       NULL,
  remark          VARCHAR(255) NULL,
  attrs           JSON         NULL,
  is_deleted      TINYINT(1)   NOT NULL DEFAULT 0,
  created_at      DATETIME(3)  NOT NULL,
  updated_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_bill_no (bill_no),
  KEY idx_bill_contract (contract_id),
  KEY idx_bill_period (account_period),
  KEY idx_bill_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE payment (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  bill_id      BIGINT UNSIGNED NOT NULL,
  amount       DECIMAL(14,2) NOT NULL,
  channel      VARCHAR(16)  NOT NULL,
  paid_at      DATETIME(3)  NOT NULL,
  external_ref VARBINARY(32) NULL,
  KEY idx_payment_bill (bill_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
